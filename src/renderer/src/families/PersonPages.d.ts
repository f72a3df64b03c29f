import { type MemberKind } from '../../../shared/families/schemas';
export declare function AddMemberPage({ id, kind }: {
    id: string;
    kind: MemberKind;
}): import("react").JSX.Element;
export declare function EditPersonPage({ id, personId }: {
    id: string;
    personId: string;
}): import("react").JSX.Element;
export declare function MovePersonPage({ id, personId }: {
    id: string;
    personId: string;
}): import("react").JSX.Element;
