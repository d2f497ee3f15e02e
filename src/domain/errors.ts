/** Stable error codes shared by functions and the client, with the Chinese text users see. */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '无法识别您的身份，请重新进入小程序',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '未找到相关记录',
  CONFLICT: '操作冲突，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNKNOWN_ACTION: '不支持的操作',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络异常，请检查网络后重试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** An expected failure of a use case; the handler turns it into `{ ok:false, error }`. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message?: string,
    public readonly details?: unknown,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
  }
}
