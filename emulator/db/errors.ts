/** Errors with CloudBase's codes; the admin endpoint replies `{ code, message }` and the SDK throws them. */
export class DbError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notExist = (name: string) => new DbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
export const duplicate = (name: string, id: string) => new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${name} dup key: { _id: "${id}" }`);
export const uniqueViolation = (name: string, index: string) => new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${name} index: ${index}`);
// CloudBase's own messages (as its node-sdk's transaction tests assert them).
export const TX_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
export const TX_NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';
export const conflict = () => new DbError('DATABASE_TRANSACTION_CONFLICT', TX_CONFLICT_MESSAGE);
export const txFail = (why: string = TX_NOT_EXIST_MESSAGE) => new DbError('DATABASE_TRANSACTION_FAIL', why);
export const invalid = (why: string) => new DbError('INVALID_PARAM', why);
