/** Errors with CloudBase's codes; the admin endpoint replies `{ code, message }` and the SDK throws them. */
export class DbError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notExist = (name: string) =>
  new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
export const duplicate = (name: string, id: string) =>
  new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${name} dup key: { _id: "${id}" }`);
export const uniqueViolation = (name: string, index: string) =>
  new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${name} index: ${index}`);
export const conflict = (why: string) => new DbError('DATABASE_TRANSACTION_CONFLICT', `transaction conflict: ${why}`);
export const txFail = (why: string) => new DbError('DATABASE_TRANSACTION_FAIL', why);
export const invalid = (why: string) => new DbError('INVALID_PARAM', why);
