// A fixture: the compiler only hashes this file.
export const checks: string[] = [];
