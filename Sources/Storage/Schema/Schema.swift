/// Every table of Companion, as numbered migrations. Types are chosen to mean the same on SQLite and
/// PostgreSQL: TEXT, INTEGER / BIGINT (timestamps in ms since 1970, booleans as 0/1), TEXT for JSON.
public enum Schema {
    public static let migrations: [Migration] = [
        accounts,
        directory,
        scheduling,
        staffLoginFailures,
        conversations,
        records,
        departmentSpecialties,
        abuseLimits,
        staffStatusAndRetention,
        speechRequests,
        rateCounters,
        accountErasure,
        consentEvents,
        dataKeys,
        accessLog,
        retiredDirectory,
        hospitalSettings,
        hospitalChanges,
    ]
}
