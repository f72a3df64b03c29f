export type Route = {
    name: 'search';
} | {
    name: 'register';
} | {
    name: 'family';
    id: string;
    notice?: string;
} | {
    name: 'editFamily';
    id: string;
} | {
    name: 'addMember';
    id: string;
    kind: 'adult' | 'child' | 'unborn';
} | {
    name: 'editPerson';
    id: string;
    personId: string;
} | {
    name: 'movePerson';
    id: string;
    personId: string;
} | {
    name: 'recordConsent';
    id: string;
} | {
    name: 'familyAccess';
    id: string;
} | {
    name: 'openEpisode';
    id: string;
} | {
    name: 'closeEpisode';
    id: string;
} | {
    name: 'addNote';
    id: string;
} | {
    name: 'chronology';
    id: string;
    notice?: string;
} | {
    name: 'audit';
    familyReference?: string;
    personId?: string;
} | {
    name: 'users';
    notice?: string;
} | {
    name: 'resetPassword';
    userId: string;
} | {
    name: 'changePassword';
} | {
    name: 'hubSettings';
} | {
    name: 'caseload';
    scope: 'mine' | 'all';
} | {
    name: 'notFound';
};
export declare function parseRoute(hash: string): Route;
export declare function navigate(hash: string): void;
export declare const familyHref: (id: string, notice?: string) => string;
export declare function useRoute(): Route;
