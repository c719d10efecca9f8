import { ctdcShares } from './ctdc.ts';
import { DemoError, type Session } from './http.ts';
import type { DemoNode } from './nodes.ts';

// Fictional people for each demo node. Names are invented; gender, age group and exploitation type
// follow the CTDC shares for victims from Asia (ctdc.ts). Idempotent: each has an external id.

const NAMES: Record<string, readonly [string, string][]> = {
  TH: [
    ['Somchai', 'Wongsakul'],
    ['Malee', 'Srisuk'],
    ['Anong', 'Chaiyaporn'],
    ['Kittisak', 'Boonmee'],
    ['Ratana', 'Phromma'],
    ['Nattapong', 'Saetang'],
  ],
  KH: [
    ['Sokha', 'Chan'],
    ['Dara', 'Sok'],
    ['Sreymom', 'Keo'],
    ['Vannak', 'Pich'],
    ['Chenda', 'Meas'],
    ['Rithy', 'Heng'],
  ],
  ID: [
    ['Siti', 'Rahayu'],
    ['Budi', 'Santoso'],
    ['Dewi', 'Lestari'],
    ['Agus', 'Setiawan'],
    ['Rina', 'Wulandari'],
    ['Eko', 'Prasetyo'],
  ],
};

export const PEOPLE_PER_NODE = 6;

export function demoPeople(country: string) {
  const shares = ctdcShares();
  const names = NAMES[country] ?? NAMES.TH ?? [];
  const women = Math.round(PEOPLE_PER_NODE * shares.female);
  const minors = Math.round(PEOPLE_PER_NODE * shares.minor);
  const labour = Math.round(PEOPLE_PER_NODE * shares.forcedLabour);
  return names.slice(0, PEOPLE_PER_NODE).map(([firstName, secondName], i) => ({
    externalId: `demo-${country}-${i + 1}`,
    registeredOn: '2026-10-01',
    identity: { firstName, secondName, birthdate: i < minors ? '2010-03-15' : `${1990 + i}-06-01` },
    profile: { gender: i < women ? 'Feminine' : 'Masculine', citizenship: [country] },
    victim: {
      traffickingStatus: 'PossibleVictimOfTrafficking',
      typeOfExploitation: i < labour ? ['ForcedLabour'] : ['ForcedCriminality'],
      recruitmentPlatform: 'Telegram',
    },
  }));
}

export async function seedPeople(node: DemoNode, caseworker: Session): Promise<number> {
  let created = 0;
  for (const person of demoPeople(node.country.code)) {
    try {
      await caseworker.call('POST', '/api/victims/persons', person, 201);
      created += 1;
    } catch (err) {
      // Already there from an earlier run on the same data folder.
      if (!(err instanceof DemoError) || !/HTTP 409/.test(err.message)) throw err;
    }
  }
  return created;
}
