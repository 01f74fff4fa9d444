import type { Role } from '@carecircle/shared';

/** Who is calling, as the auth guard found them in the database for this request. */
export interface Principal {
  userId: string;
  roles: Role[];
  elderId: string | null;
}

export interface AccessTokenPayload {
  sub: string;
  typ: 'access';
}
