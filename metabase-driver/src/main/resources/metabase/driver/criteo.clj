(ns metabase.driver.criteo
  "Metabase driver for Criteo's reporting APIs over the jdbc:criteo: driver (Apache Calcite SQL).
  Shipped as source: Metabase's `load-namespace` init step `require`s it at run time."
  (:require
   [clojure.string :as str]
   [metabase.driver :as driver]
   [metabase.driver.sql-jdbc.connection :as sql-jdbc.conn]
   [metabase.driver.sql-jdbc.sync :as sql-jdbc.sync]
   [metabase.driver.sql.query-processor :as sql.qp]))

(driver/register! :criteo :parent :sql-jdbc)

;; Reports have no keys, and the report time zone is a connection property, not a session setting.
(doseq [[feature supported?] {:foreign-keys            false
                              :set-timezone            false
                              :expression-aggregations true}]
  (defmethod driver/database-supports? [:criteo feature] [_driver _feature _db] supported?))

;; Manifest property -> jdbc:criteo: URL key. The credentials go as connection properties instead,
;; so the secret never appears in the URL Metabase may log.
(def ^:private url-properties
  [[:advertiser-ids "advertiserIds"]
   [:timezone "timezone"]
   [:currency "currency"]
   [:sandbox "sandbox"]
   [:max-calls-per-minute "maxCallsPerMinute"]
   [:cache-ttl-seconds "cacheTtlSeconds"]
   [:default-lookback-days "defaultLookbackDays"]])

(defn- details->subname [details]
  (str/join ";" (for [[detail url-key] url-properties
                      :let [value (get details detail)]
                      :when (not (str/blank? (str value)))]
                  (str url-key "=" (str/trim (str value))))))

;; Metabase's own readers of a `secret` property, newest first (0.55 and later, 0.52 to 0.54, before
;; 0.52): they resolve the value however it was saved, inline (`client-secret-value`), in Metabase's
;; secret store (`client-secret-id`) or as a local file (`client-secret-path`).
(def ^:private secret-readers
  [['metabase.secrets.models.secret/value-as-string #(%1 :criteo %2 "client-secret")]
   ['metabase.models.secret/value-as-string #(%1 :criteo %2 "client-secret")]
   ['metabase.models.secret/get-secret-string #(%1 %2 "client-secret")]])

(defn- client-secret [details]
  (or (some (fn [[reader read-secret]]
              (when-let [read-fn (try (requiring-resolve reader) (catch Exception _ nil))]
                (read-secret read-fn details)))
            secret-readers)
      (:client-secret-value details)
      (:client-secret details)))

(defn- details->credentials [details]
  (merge (when-let [client-id (not-empty (:client-id details))]
           {:clientId client-id})
         (when-let [secret (not-empty (client-secret details))]
           {:clientSecret secret})))

(defmethod sql-jdbc.conn/connection-details->spec :criteo
  [_driver details]
  (merge {:classname   "io.github.criteojdbc.driver.CriteoDriver"
          :subprotocol "criteo"
          :subname     (details->subname details)}
         (details->credentials details)))

(defmethod driver/db-default-timezone :criteo
  [_driver database]
  (or (not-empty (get-in database [:details :timezone])) "UTC"))

;; Like the `week` column: weeks start on Monday.
(defmethod driver/db-start-of-week :criteo
  [_driver]
  :monday)

(defmethod sql-jdbc.sync/database-type->base-type :criteo
  [_driver database-type]
  ({:DATE      :type/Date
    :TIMESTAMP :type/DateTime
    :DECIMAL   :type/Decimal
    :BIGINT    :type/BigInteger
    :INTEGER   :type/Integer
    :DOUBLE    :type/Float
    :BOOLEAN   :type/Boolean
    :VARCHAR   :type/Text}
   database-type
   :type/*))

;; Calcite SQL for each unit; %s is the expression. FLOOR(x TO WEEK) would start weeks on Sunday,
;; so a week is the day minus its ISO day of week (Monday = 1). The day of week is ISO too, which
;; is what `adjust-day-of-week` expects with a Monday start of week.
(def ^:private date-sql
  {:minute          "FLOOR(%s TO MINUTE)"
   :hour            "FLOOR(%s TO HOUR)"
   :day             "FLOOR(%s TO DAY)"
   :week            "TIMESTAMPADD(DAY, 1 - EXTRACT(ISODOW FROM %s), FLOOR(%s TO DAY))"
   :month           "FLOOR(%s TO MONTH)"
   :quarter         "FLOOR(%s TO QUARTER)"
   :year            "FLOOR(%s TO YEAR)"
   :minute-of-hour  "EXTRACT(MINUTE FROM %s)"
   :hour-of-day     "EXTRACT(HOUR FROM %s)"
   :day-of-week     "EXTRACT(ISODOW FROM %s)"
   :day-of-month    "EXTRACT(DAY FROM %s)"
   :day-of-year     "EXTRACT(DOY FROM %s)"
   :week-of-year-iso "EXTRACT(WEEK FROM %s)"
   :month-of-year   "EXTRACT(MONTH FROM %s)"
   :quarter-of-year "EXTRACT(QUARTER FROM %s)"
   :year-of-era     "EXTRACT(YEAR FROM %s)"})

(defn- sql-form
  "The template with each %s replaced by the HoneySQL form `expr`."
  [template expr]
  [:raw (vec (interpose expr (str/split template #"%s" -1)))])

(defmethod sql.qp/date [:criteo :default] [_driver _unit expr] expr)

(doseq [unit (keys date-sql)
        :when (not (#{:week :day-of-week} unit))]
  (defmethod sql.qp/date [:criteo unit] [_driver _unit expr] (sql-form (date-sql unit) expr)))

(defmethod sql.qp/date [:criteo :week]
  [driver _unit expr]
  (sql.qp/adjust-start-of-week driver (partial sql-form (date-sql :week)) expr))

(defmethod sql.qp/date [:criteo :day-of-week]
  [driver _unit expr]
  (sql.qp/adjust-day-of-week driver (sql-form (date-sql :day-of-week) expr)))

(def ^:private current-datetime-sql "CURRENT_TIMESTAMP")

(defmethod sql.qp/current-datetime-honeysql-form :criteo
  [_driver]
  [:raw current-datetime-sql])

;; TIMESTAMPADD(<UNIT>, <amount>, %s): Metabase's units (:day, :month...) are Calcite's time units.
(def ^:private add-interval-sql "TIMESTAMPADD(%s, %s, %%s)")

(defmethod sql.qp/add-interval-honeysql-form :criteo
  [_driver hsql-form amount unit]
  (sql-form (format add-interval-sql (str/upper-case (name unit)) amount) hsql-form))
