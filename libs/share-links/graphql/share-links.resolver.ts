import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '../../platform/auth/actor';
import { CurrentActor, Roles } from '../../platform/auth/auth.decorators';
import type { ShareLinkRow } from '../share-link.service';
import { ShareLinkService } from '../share-link.service';
import { ShareLinkModel } from './share-link.model';

const toModel = (r: ShareLinkRow, url: string | null = null): ShareLinkModel => ({
  id: r.id,
  credentialId: r.credential_id,
  url,
  pdfUrl: url ? `${url}/pdf` : null,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

@Resolver()
export class ShareLinksResolver {
  constructor(private readonly links: ShareLinkService) {}

  @Roles('school', 'admin')
  @Mutation(() => ShareLinkModel, { description: 'Creates a share link for a stored credential (its issuing or co-issuing school, or an admin). Audited.' })
  async createShareLink(
    @CurrentActor() actor: Actor,
    @Args('credentialId', { type: () => ID }) credentialId: string,
    @Args('expiresInDays', { type: () => Int, defaultValue: 30, description: '1 to 365 days.' }) expiresInDays: number,
  ) {
    const { link, url } = await this.links.create(actor, credentialId, expiresInDays);
    return toModel(link, url);
  }

  @Roles('school', 'admin')
  @Mutation(() => ShareLinkModel, { description: 'Revokes a share link; the link then says it was revoked. Audited; repeating it changes nothing.' })
  async revokeShareLink(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toModel(await this.links.revoke(actor, id));
  }
}
