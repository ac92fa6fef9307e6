import type { App } from '../src/app';

export interface Session {
  cookie: string;
  csrf: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function signIn(app: App, email: string, password: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-csrf-token': 'login' },
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'edc_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `edc_session=${cookie.value}`, csrf: res.json().csrfToken };
}

/** Sends a request as the signed-in user, with the CSRF header on state-changing methods. */
export function call(app: App, session: Session | null, method: Method, url: string, payload?: unknown) {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}
