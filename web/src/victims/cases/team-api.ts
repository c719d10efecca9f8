import { getJson, sendJson, withQuery } from '../../api.ts';
import { caseKeys } from './api.ts';
import {
  type CaseUser,
  candidatesAnswer,
  type NotePage,
  noteAnswer,
  notePage,
  type Task,
  type TaskStatus,
  type Team,
  taskAnswer,
  taskList,
  teamAnswer,
} from './team-schema.ts';

// Calls to a case's team, notes and tasks (src/victims/cases/README.md) and their query keys.

export const teamKeys = {
  team: (caseId: string) => [...caseKeys.all(caseId), 'team'] as const,
  notes: (caseId: string) => [...caseKeys.all(caseId), 'notes'] as const,
  tasks: (caseId: string) => [...caseKeys.all(caseId), 'tasks'] as const,
  candidates: ['victims', 'case-team-candidates'] as const,
  /** Every page of the case's timeline, with or without reads: what a new note or task adds to. */
  timeline: (caseId: string) => [...caseKeys.all(caseId), 'timeline'] as const,
};

const enc = encodeURIComponent;
const casePath = (caseId: string) => `/api/victims/cases/${enc(caseId)}`;

export const fetchTeam = async (caseId: string): Promise<Team> =>
  (await getJson(`${casePath(caseId)}/team`, teamAnswer)).team;

/** Users of the agency who may join a case team (caseworkers only may ask). */
export const fetchCandidates = async (): Promise<CaseUser[]> =>
  (await getJson('/api/victims/case-team/candidates', candidatesAnswer)).users;

export const addMember = async (caseId: string, userId: string): Promise<Team> =>
  (await sendJson('POST', `${casePath(caseId)}/team`, { userId }, teamAnswer)).team;

export const removeMember = async (caseId: string, userId: string): Promise<Team> =>
  (await sendJson('DELETE', `${casePath(caseId)}/team/${enc(userId)}`, undefined, teamAnswer)).team;

export const changeOwner = async (caseId: string, userId: string): Promise<Team> =>
  (await sendJson('PUT', `${casePath(caseId)}/owner`, { userId }, teamAnswer)).team;

export const listNotes = (caseId: string, cursor: string | undefined): Promise<NotePage> =>
  getJson(withQuery(`${casePath(caseId)}/notes`, { limit: 20, cursor }), notePage);

export const addNote = async (caseId: string, body: string) =>
  (await sendJson('POST', `${casePath(caseId)}/notes`, { body }, noteAnswer)).note;

export const listTasks = async (caseId: string): Promise<Task[]> =>
  (await getJson(`${casePath(caseId)}/tasks`, taskList)).tasks;

export type NewTask = { title: string; assigneeId?: string; dueOn?: string };

export const addTask = async (caseId: string, body: NewTask): Promise<Task> =>
  (await sendJson('POST', `${casePath(caseId)}/tasks`, body, taskAnswer)).task;

export type TaskChange = {
  title?: string;
  status?: TaskStatus;
  assigneeId?: string | null;
  dueOn?: string | null;
};

export const changeTask = async (taskId: string, change: TaskChange): Promise<Task> =>
  (await sendJson('PATCH', `/api/victims/tasks/${enc(taskId)}`, change, taskAnswer)).task;
