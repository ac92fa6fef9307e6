import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * One rate limit shared by every route that checks a password (sign-in, change-password,
     * re-authentication, signing): a preHandler whose counter is the same for all of them, per
     * client address (docs/security.md).
     */
    passwordRateLimit: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export const passwordRateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    // One limiter instance is one counter store: every route that uses it shares the budget.
    const limiter = app.rateLimit({
      max: app.config.EDC_LOGIN_RATE_PER_MINUTE,
      timeWindow: '1 minute',
    });
    app.decorate('passwordRateLimit', async (request: FastifyRequest, reply: FastifyReply) => {
      await limiter.call(app, request, reply);
    });
  },
  { name: 'password-rate-limit', dependencies: ['auth'] },
);
