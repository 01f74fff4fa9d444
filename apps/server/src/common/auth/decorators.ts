import type { Role } from '@carecircle/shared';
import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Principal } from './principal.js';

export const IS_PUBLIC = 'isPublic';
/** No login needed (login itself, health, dev logins). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_ROLES = 'requiredRoles';
/**
 * The caller must hold at least one of these roles. One rule for refusals everywhere: a caller without the route's
 * role gets 403 (AUTH.FORBIDDEN_ROLE) before anything else is looked at; a record the caller may not see — another
 * family's, another street's — is 404, exactly as if it did not exist. The roles are published in the OpenAPI document
 * (`x-required-roles`), and test/platform/refusal-rule.int-spec.ts holds every route to both halves of the rule.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiExtension('x-required-roles', roles),
    ApiForbiddenResponse({ description: `需要以下角色之一：${roles.join('、')}（AUTH.FORBIDDEN_ROLE）` }),
  );

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ user: Principal }>().user;
});
