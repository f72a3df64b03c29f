// Deterministic synthetic families for demos, tests and benchmarks: the same seed and reference
// date always give the same families. NHS numbers come from the 999 range (never issued to real
// patients) with valid check digits; postcodes and UPNs follow their rules.
import { addMonths, addYears } from '../../shared/dates'
import type { RegisterFamilyInput } from '../../shared/families/schemas'
import { nhsCheckDigit } from '../../shared/identifiers/nhsNumber'
import { upnCheckLetter } from '../../shared/identifiers/upn'
import { NAME_POOLS, OUTWARD_CODES, STREETS, TOWNS, type NamePool } from './names'

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'
const TOTAL_WEIGHT = NAME_POOLS.reduce((s, p) => s + p.weight, 0)

/** mulberry32: small, fast and good enough for synthetic data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class FamilyGenerator {
  private readonly random: () => number
  private nhsSerial = 0
  private upnSerial = 0

  constructor(
    seed = 1,
    private readonly today: string
  ) {
    this.random = rng(seed)
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1))
  }

  private pool(): NamePool {
    let r = this.random() * TOTAL_WEIGHT
    for (const p of NAME_POOLS) if ((r -= p.weight) < 0) return p
    return NAME_POOLS[0] as NamePool
  }

  /** The next unused number in the 999 test range that has a valid check digit. */
  nhsNumber(): string {
    for (;;) {
      const nine = `999${String(this.nhsSerial++).padStart(6, '0')}`
      const check = nhsCheckDigit(nine)
      if (check !== null) return `${nine}${check}`
    }
  }

  upn(yearOfEntry: number): string {
    const body = `${String(this.int(201, 938))}${String(this.int(1000, 7999))}${String(yearOfEntry % 100).padStart(2, '0')}${String(this.upnSerial++ % 1000).padStart(3, '0')}`
    return `${upnCheckLetter(body)}${body}`
  }

  postcode(): string {
    return `${this.pick(OUTWARD_CODES)} ${this.int(1, 9)}${this.pick([...INWARD_LETTERS])}${this.pick([...INWARD_LETTERS])}`
  }

  private dateBetween(fromYearsAgo: number, toYearsAgo: number): string {
    const days = this.int(toYearsAgo * 365, fromYearsAgo * 365 - 1)
    const d = new Date(`${this.today}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() - days)
    return d.toISOString().slice(0, 10)
  }

  family(): RegisterFamilyInput {
    const pool = this.pool()
    const familyName = this.pick(pool.family)
    const ethnicity = this.pick(pool.ethnicity)
    const members: RegisterFamilyInput['members'] = []
    const twoParents = this.random() < 0.4
    const mumName = this.random() < 0.15 ? this.pick(this.pool().family) : familyName
    members.push({
      member: {
        kind: 'adult',
        givenName: this.pick(pool.female),
        familyName: mumName,
        dateOfBirth: this.dateBetween(50, 18),
        sex: 'F',
        ethnicity,
        relationship: 'PARENT_CARER',
        parentalResponsibility: true,
        nhsNumber: this.random() < 0.6 ? this.nhsNumber() : null,
        gpPractice: this.random() < 0.5 ? `${this.pick(STREETS).split(' ')[0]} Medical Centre` : null
      }
    })
    if (twoParents) {
      members.push({
        member: {
          kind: 'adult',
          givenName: this.pick(pool.male),
          familyName,
          dateOfBirth: this.dateBetween(55, 18),
          sex: 'M',
          ethnicity,
          relationship: 'PARENT_CARER',
          parentalResponsibility: this.random() < 0.9,
          nhsNumber: this.random() < 0.5 ? this.nhsNumber() : null
        }
      })
    }
    const children = this.random() < 0.75 ? this.int(0, 2) : this.int(1, 3)
    for (let i = 0; i < children; i++) {
      const sex = this.random() < 0.5 ? 'F' : 'M'
      const dateOfBirth = this.dateBetween(17, 0)
      const schoolAge = dateOfBirth < addYears(this.today, -4)
      members.push({
        member: {
          kind: 'child',
          givenName: this.pick(sex === 'F' ? pool.female : pool.male),
          familyName,
          dateOfBirth,
          sex,
          ethnicity,
          nhsNumber: this.random() < 0.85 ? this.nhsNumber() : null,
          upn: schoolAge && this.random() < 0.7 ? this.upn(Number(dateOfBirth.slice(0, 4)) + 4) : null,
          school: schoolAge ? `${this.pick(STREETS).split(' ')[0]} Primary School` : null,
          disabilities: this.random() < 0.06 ? [this.pick(['COMM', 'LD', 'AUT', 'HEAR', 'VIS', 'BEH'] as const)] : []
        }
      })
    }
    if (members.length === 1 || this.random() < 0.06) {
      members.push({ member: { kind: 'unborn', familyName, expectedDate: addMonths(this.today, this.int(1, 8)) } })
    }
    return {
      family: {
        addressLine1: `${this.int(1, 240)} ${this.pick(STREETS)}`,
        town: this.pick(TOWNS),
        postcode: this.postcode(),
        phone: this.random() < 0.8 ? `07700 9${String(this.int(0, 99999)).padStart(5, '0')}` : null,
        email: this.random() < 0.4 ? `family${this.int(1, 99999)}@example.com` : null,
        mainLanguage: this.random() < 0.7 ? 'English' : pool.language,
        interpreterNeeded: pool.language !== 'English' && this.random() < 0.3,
        heardAbout: this.pick(['HEALTH_VISITOR', 'SCHOOL', 'GP', 'FRIEND_FAMILY', 'PROFESSIONAL', 'ONLINE', 'WALKED_IN'] as const)
      },
      members
    }
  }
}
