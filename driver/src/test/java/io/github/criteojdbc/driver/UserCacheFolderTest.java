package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserCacheFolderTest {
  private static final Path HOME = Path.of("/home/ana");

  @Test
  void linuxUsesDotCache() {
    assertThat((Object) UserCacheFolder.of(Map.of(), "Linux", HOME)).isEqualTo(Path.of("/home/ana/.cache/criteo-jdbc"));
  }

  @Test
  void xdgCacheHomeWinsWhenSet() {
    assertThat((Object) UserCacheFolder.of(Map.of("XDG_CACHE_HOME", "/var/cache/ana"), "Linux", HOME))
        .isEqualTo(Path.of("/var/cache/ana/criteo-jdbc"));
  }

  @Test
  void macOsUsesLibraryCaches() {
    assertThat((Object) UserCacheFolder.of(Map.of(), "Mac OS X", HOME))
        .isEqualTo(Path.of("/home/ana/Library/Caches/criteo-jdbc"));
  }

  @Test
  void windowsUsesLocalAppData() {
    assertThat((Object) UserCacheFolder.of(Map.of("LOCALAPPDATA", "/users/ana/appdata/local"), "Windows 11", HOME))
        .isEqualTo(Path.of("/users/ana/appdata/local/criteo-jdbc"));
  }
}
