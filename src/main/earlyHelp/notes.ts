import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { addNoteInput } from '../../shared/earlyHelp/schemas'
import { formatDate, londonToUtc } from '../../shared/dates'
import type { CallContext } from '../core/context'
import { AppError } from '../core/errors'
import { writeAudit } from '../audit/audit'
import { discardDraft } from '../drafts/service'
import { PersonEntity } from '../families/entities'
import { CaseNoteEntity, CaseNotePersonEntity, EpisodeEntity, type CaseNoteRow } from './entities'

/**
 * A case note belongs to the family, and to its open episode if there is one. Its time is typed as
 * the clock in England showed it and stored as the UTC instant; a time the clocks skipped when
 * they went forward never happened, so it is refused next to the time field (one shown twice
 * when they went back is its first occurrence: src/shared/dates.ts).
 */
export async function addNote(input: z.output<typeof addNoteInput>, ctx: CallContext) {
  const occurredAt = londonToUtc(`${input.occurredOn}T${input.occurredAt}`)
  if (occurredAt === null) {
    throw new AppError('VALIDATION', 'There is a problem', {
      occurredAt: `The clocks went forward an hour on ${formatDate(input.occurredOn)}, so there was no ${input.occurredAt} that day. Enter the time the clock showed`
    })
  }
  // The date is checked by the form's schema; only the core knows whether today's time has come yet.
  if (occurredAt > ctx.now) {
    throw new AppError('VALIDATION', 'There is a problem', { occurredAt: 'The time of the contact must be now or earlier' })
  }
  return ctx.core.writes.run(async (manager) => {
    const peopleIds = [...new Set(input.peopleIds)]
    const people = peopleIds.length
      ? await manager.findBy(
          PersonEntity,
          peopleIds.map((id) => ({ id }))
        )
      : []
    if (people.length !== peopleIds.length || people.some((p) => p.familyId !== input.familyId)) {
      throw new AppError('VALIDATION', 'There is a problem', { peopleIds: 'Choose people from this family' })
    }
    const episode = await manager.findOneBy(EpisodeEntity, { familyId: input.familyId, status: 'open' })
    const id = randomUUID()
    const row: CaseNoteRow = {
      id,
      familyId: input.familyId,
      episodeId: episode?.id ?? null,
      occurredAt,
      type: input.type,
      text: input.text,
      significant: input.significant,
      authorUserId: ctx.actor.userId,
      createdAt: ctx.now,
      version: 1
    }
    await manager.insert(CaseNoteEntity, row)
    if (peopleIds.length)
      await manager.insert(
        CaseNotePersonEntity,
        peopleIds.map((personId) => ({ caseNoteId: id, personId }))
      )
    if (episode) {
      // UTC instants in one form (toISOString's) sort as text.
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
