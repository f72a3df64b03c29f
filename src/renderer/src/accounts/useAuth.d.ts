import type { AuthStatus, SessionUser } from '../../../shared/accounts/schemas';
export interface Auth {
    status: AuthStatus | null;
    refresh: () => Promise<void>;
    signedIn: (user: SessionUser) => void;
    setLocked: (locked: boolean) => void;
}
export declare const AuthContext: import("react").Context<Auth | null>;
export declare function useAuth(): Auth;
export declare function useAuthState(): Auth;
