/** `T` with its intersections merged into one object type, so hovers list the fields. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
