/** A JSON POST to the service under test, with an optional bearer token; the status and the parsed body. */
export async function postJson(baseUrl: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}
