import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { addNoteInput } from '../../shared/earlyHelp/schemas'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { discardDraft } from '../drafts/service'
import { PersonEntity } from '../families/entities'
import { CaseNoteEntity, EpisodeEntity } from './entities'

/** A case note belongs to the family, and to its open episode if there is one. */
export async function addNote(input: z.output<typeof addNoteInput>, ctx: CallContext) {
  return ctx.core.writes.run(async (manager) => {
    const people = input.peopleIds.length
      ? await manager.findBy(
          PersonEntity,
          input.peopleIds.map((id) => ({ id }))
        )
      : []
    if (people.length !== new Set(input.peopleIds).size || people.some((p) => p.familyId !== input.familyId)) {
      throw new AppError('VALIDATION', 'There is a problem', { peopleIds: 'Choose people from this family' })
    }
    const episode = await manager.findOneBy(EpisodeEntity, { familyId: input.familyId, status: 'open' })
    const id = randomUUID()
    const row = {
      id,
      familyId: input.familyId,
      episodeId: episode?.id ?? null,
      occurredAt: `${input.occurredOn}T${input.occurredAt}`,
      type: input.type,
      people: JSON.stringify(input.peopleIds),
      text: input.text,
      significant: input.significant,
      author: ctx.actor.name,
      createdAt: ctx.now,
      version: 1
    }
    await manager.insert(CaseNoteEntity, row)
    if (episode) {
      await manager.query(
        `UPDATE episode SET note_count = note_count + 1,
           last_contact_at = CASE WHEN last_contact_at IS NULL OR last_contact_at < ? THEN ? ELSE last_contact_at END WHERE id = ?`,
        [row.occurredAt, row.occurredAt, episode.id]
      )
    }
    await writeAudit(manager, {
      at: ctx.now,
      actor: ctx.actor.name,
      action: 'create',
      recordType: 'case-note',
      recordId: id,
      familyId: input.familyId,
      changes: { occurredAt: row.occurredAt, type: row.type, significant: row.significant }
    })
    // The draft goes in the same transaction: the note is either saved, or still a draft.
    if (input.draftKey) await discardDraft(manager, ctx.actor.name, input.draftKey)
    return { id, version: 1 }
  })
}
