import { localTime } from '../../matching/schedule/slots.ts';
import type { EventRow, MeetingRow } from '../db/schema.ts';
import type { AgendaContext } from './agenda.ts';
import type { RequestView } from './requests.ts';
import { eventSlots } from './model.ts';
import { idleByAttendee } from './rules.ts';

/** What a matchmaker watches during an event: who has no meeting, how full the slots are, who interprets. */
export function eventFigures(event: EventRow, ctx: AgendaContext, all: readonly MeetingRow[], requests: readonly RequestView[]) {
  const scheduled = all.filter((m) => m.status === 'scheduled');
  const perOrg = new Map<number, { attendees: number; meetings: number }>();
  for (const a of ctx.attendees.values()) {
    if (a.removedAt) continue;
    const entry = perOrg.get(a.organizationId) ?? { attendees: 0, meetings: 0 };
    entry.attendees++;
    perOrg.set(a.organizationId, entry);
  }
  for (const m of scheduled) {
    for (const id of [m.orgLowId, m.orgHighId]) {
      const entry = perOrg.get(id);
      if (entry) entry.meetings++;
    }
  }
  const organizations = [...perOrg]
    .map(([id, e]) => ({ id, name: ctx.organizationNames.get(id) ?? '', ...e }))
    .sort((a, b) => a.meetings - b.meetings || a.id - b.id);
  const slots = eventSlots(event).map((s) => {
    const start = new Date(s.start).toISOString();
    const here = scheduled.filter((m) => m.slotStart === start);
    return {
      start,
      local: localTime(s.start, event.timeZone),
      meetings: here.length,
      tablesUsed: here.filter((m) => m.tableId !== null).length,
      online: here.filter((m) => m.online).length,
    };
  });
  const tableSlots = slots.length * ctx.tables.size;
  const count = (status: string) => requests.filter((r) => r.status === status).length;
  const idle = [...idleByAttendee(event, scheduled)]
    .map(([attendeeId, r]) => ({ attendeeId, name: ctx.attendees.get(attendeeId)?.name ?? '', ...r }))
    .sort((a, b) => b.breaks - a.breaks || b.idleMinutes - a.idleMinutes || a.attendeeId - b.attendeeId);
  return {
    organizations,
    withoutMeetings: organizations.filter((o) => o.meetings === 0).map((o) => o.id),
    slots,
    tableUse: tableSlots ? Math.round((slots.reduce((n, s) => n + s.tablesUsed, 0) / tableSlots) * 1000) / 1000 : 0,
    interpreters: [...ctx.interpreters.values()].map((i) => ({
      id: i.id,
      name: i.name,
      nameLatin: i.nameLatin,
      meetings: scheduled.filter((m) => m.interpreterId === i.id).length,
    })),
    meetingsNeedingInterpreter: scheduled.filter((m) => m.interpreterId !== null).length,
    idle: {
      breaks: idle.reduce((n, a) => n + a.breaks, 0),
      idleMinutes: idle.reduce((n, a) => n + a.idleMinutes, 0),
      attendees: idle,
    },
    requests: {
      requested: count('requested'),
      accepted: count('accepted'),
      declined: count('declined'),
      cancelled: count('cancelled'),
      expired: count('expired'),
    },
  };
}
