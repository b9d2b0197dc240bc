// Dates that lie about their time, as core's tests build them.
export * from "../../../core/test/support/hostileDates";
