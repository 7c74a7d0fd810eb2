/** The errors a service call answers with: the request was cancelled, or its params are wrong. */
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}
