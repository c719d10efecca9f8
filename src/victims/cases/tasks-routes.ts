import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { caseManagementPolicy as policy } from './policy.ts';
import { notFound, tags } from './route-kit.ts';
import { presentTask } from './tasks-presenters.ts';
import {
  caseTasksQuery,
  createTaskBody,
  myTasksQuery,
  taskList,
  taskResult,
  updateTaskBody,
} from './tasks-schema.ts';
import { changeTask, createTask, listMyTasks, listTasksOfCase } from './tasks-service.ts';

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases/{id}/tasks',
  summary: "A case's tasks: open ones first, earliest due first",
  request: { params: idParam, query: caseTasksQuery },
  responses: { 200: jsonResponse(taskList, 'The tasks'), ...errorResponses, ...notFound },
});
const createTaskRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/cases/{id}/tasks',
  summary: 'Add a task (title encrypted)',
  request: { params: idParam, ...jsonBody(createTaskBody) },
  responses: { 201: jsonResponse(taskResult, 'Added'), ...errorResponses, ...notFound },
});
const updateRoute = createRoute({
  tags,
  method: 'patch',
  path: '/api/victims/tasks/{id}',
  summary: 'Change a task; null clears the assignee or due date',
  request: { params: idParam, ...jsonBody(updateTaskBody) },
  responses: { 200: jsonResponse(taskResult, 'Changed'), ...errorResponses, ...notFound },
});
const mineRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/tasks/mine',
  summary: 'Your open tasks (or only the overdue ones), earliest due first',
  request: { query: myTasksQuery },
  responses: {
    200: jsonResponse(taskList.extend({ on: z.string() }), 'Your tasks, and the date overdue is measured on'),
    ...errorResponses,
  },
});

export function registerTaskRoutes(router: Router): void {
  router.openapi(listRoute, policy['victims.case_tasks.read'], async (c) => {
    const tasks = await listTasksOfCase(
      victimsContext(c),
      c.req.valid('param').id,
      c.req.valid('query').status,
    );
    return c.json({ tasks: tasks.map(presentTask) }, 200);
  });
  router.openapi(createTaskRoute, policy['victims.case_tasks.create'], async (c) => {
    const task = await createTask(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ task: presentTask(task) }, 201);
  });
  router.openapi(updateRoute, policy['victims.case_tasks.update'], async (c) => {
    const task = await changeTask(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ task: presentTask(task) }, 200);
  });
  router.openapi(mineRoute, policy['victims.case_tasks.read'], async (c) => {
    const { tasks, on } = await listMyTasks(victimsContext(c), c.req.valid('query'));
    return c.json({ tasks: tasks.map(presentTask), on }, 200);
  });
}
