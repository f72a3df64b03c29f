import type { AppErrorValue } from '../../../shared/result';
export declare function useFamily(id: string): {
    view: {
        family: {
            addressLine1: string;
            addressLine2: string | null;
            town: string;
            phone: string | null;
            email: string | null;
            mainLanguage: string;
            interpreterNeeded: boolean;
            heardAbout: "HEALTH_VISITOR" | "SCHOOL" | "GP" | "FRIEND_FAMILY" | "PROFESSIONAL" | "ONLINE" | "WALKED_IN" | "OTHER" | null;
            id: string;
            reference: string;
            postcode: string;
            registeredAt: string;
            registeredBy: string;
            restricted: boolean;
            version: number;
            updatedAt: string;
        };
        members: {
            id: string;
            familyId: string;
            kind: "adult" | "child" | "unborn";
            givenName: string | null;
            familyName: string;
            dateOfBirth: string | null;
            expectedDate: string | null;
            sex: string | null;
            ethnicity: string | null;
            nhsNumber: string | null;
            upn: string | null;
            disabilities: string[];
            school: string | null;
            gpPractice: string | null;
            relationship: string | null;
            parentalResponsibility: boolean | null;
            version: number;
            updatedAt: string;
        }[];
        consents: {
            id: string;
            familyId: string;
            givenById: string;
            givenByName: string;
            scope: "REGISTRATION" | "SHARING" | "CONTACT";
            agency: string | null;
            method: "VERBAL" | "WRITTEN";
            givenOn: string;
            recordedBy: string;
            recordedAt: string;
            withdrawnOn: string | null;
            version: number;
        }[];
        allowedUsers: {
            id: string;
            displayName: string;
        }[];
        openEpisode: {
            version: number;
            id: string;
            status: "open" | "closing" | "closed";
            openedOn: string;
            headlines: string[];
            leadName: string;
        } | null;
        pastEpisodes: {
            id: string;
            openedOn: string;
            closedOn: string | null;
            version: number;
        }[];
    } | null;
    error: AppErrorValue | null;
    reload: () => Promise<import("../../../shared/result").Result<{
        family: {
            addressLine1: string;
            addressLine2: string | null;
            town: string;
            phone: string | null;
            email: string | null;
            mainLanguage: string;
            interpreterNeeded: boolean;
            heardAbout: "HEALTH_VISITOR" | "SCHOOL" | "GP" | "FRIEND_FAMILY" | "PROFESSIONAL" | "ONLINE" | "WALKED_IN" | "OTHER" | null;
            id: string;
            reference: string;
            postcode: string;
            registeredAt: string;
            registeredBy: string;
            restricted: boolean;
            version: number;
            updatedAt: string;
        };
        members: {
            id: string;
            familyId: string;
            kind: "adult" | "child" | "unborn";
            givenName: string | null;
            familyName: string;
            dateOfBirth: string | null;
            expectedDate: string | null;
            sex: string | null;
            ethnicity: string | null;
            nhsNumber: string | null;
            upn: string | null;
            disabilities: string[];
            school: string | null;
            gpPractice: string | null;
            relationship: string | null;
            parentalResponsibility: boolean | null;
            version: number;
            updatedAt: string;
        }[];
        consents: {
            id: string;
            familyId: string;
            givenById: string;
            givenByName: string;
            scope: "REGISTRATION" | "SHARING" | "CONTACT";
            agency: string | null;
            method: "VERBAL" | "WRITTEN";
            givenOn: string;
            recordedBy: string;
            recordedAt: string;
            withdrawnOn: string | null;
            version: number;
        }[];
        allowedUsers: {
            id: string;
            displayName: string;
        }[];
        openEpisode: {
            version: number;
            id: string;
            status: "open" | "closing" | "closed";
            openedOn: string;
            headlines: string[];
            leadName: string;
        } | null;
        pastEpisodes: {
            id: string;
            openedOn: string;
            closedOn: string | null;
            version: number;
        }[];
    }>>;
};
