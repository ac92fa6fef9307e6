import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const exportsRoutes: FastifyPluginAsyncZod = async () => {};
