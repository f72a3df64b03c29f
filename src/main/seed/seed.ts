// Loads synthetic families through the same insert path registration uses, many families per
// transaction, reporting progress as it goes.
import { z } from 'zod'
import { registerFamilyInput } from '../../shared/families/schemas'
import { todayIso } from '../../shared/dates'
import type { Casebook } from '../core/casebook'
import { insertFamily } from '../families/register'
import { newSession } from '../core/session'
import { FamilyGenerator } from './generator'

export interface SeedOptions {
  families: number
  seed?: number
  today?: string
  batch?: number
  actor?: string
  onProgress?: (done: number, total: number) => void
}

export async function seedFamilies(casebook: Casebook, options: SeedOptions): Promise<{ families: number; people: number }> {
  const generator = new FamilyGenerator(options.seed ?? 1, options.today ?? todayIso())
  const batch = options.batch ?? 500
  let people = 0
  for (let done = 0; done < options.families;) {
    const size = Math.min(batch, options.families - done)
    const inputs: z.output<typeof registerFamilyInput>[] = []
    for (let i = 0; i < size; i++) inputs.push(registerFamilyInput.parse(generator.family()))
    await casebook.core.writes.run(async (manager) => {
      const ctx = {
        core: casebook.core,
        window: null,
        actor: { name: options.actor ?? 'seed', userId: null, permissions: new Set<never>() },
        signedIn: true,
        session: newSession(Date.now()),
        now: casebook.core.clock.now().toISOString()
      }
      for (const input of inputs) {
        await insertFamily(manager, ctx, input)
        people += input.members.length
      }
    })
    done += size
    options.onProgress?.(done, options.families)
  }
  return { families: options.families, people }
}
