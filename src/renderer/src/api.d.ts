import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { ErrorCode, Result } from '../../shared/result';
type SessionProblem = Extract<ErrorCode, 'UNAUTHENTICATED' | 'LOCKED' | 'PASSWORD_CHANGE_REQUIRED'>;
/** Told when any call finds the session signed out, locked or needing a new password. */
export declare function onSessionProblem(listener: (code: SessionProblem) => void): () => void;
export declare function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
export {};
