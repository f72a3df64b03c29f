// For tests: the fixture feeds (small, in the shapes councils publish) and a feed served over http
// on 127.0.0.1 by the test itself, which answers from a table of addresses and notes each request.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'))

/** Fresh copies each time, for a test to change as it likes. */
export const feeds = {
  /** Version 3, GET /services: page 1 of 2. Its first service is listed without its locations. */
  v3Page1: () => fixture('v3-services-page-1.json'),
  v3Page2: () => fixture('v3-services-page-2.json'),
  /** Version 3, GET /services/{id}: the first service in full. */
  v3HealthVisiting: () => fixture('v3-service-health-visiting.json'),
  /** Version 1: a list of services with eligibilitys, service_at_locations and service_taxonomys. */
  v1Services: () => fixture('v1-services.json')
}

/** The three version 3 services, each in full: what a file saved from the feed holds. */
export function v3AllServices(): Record<string, unknown>[] {
  return [feeds.v3HealthVisiting(), feeds.v3Page1().contents[1], feeds.v3Page2().contents[0]]
}

export const IDS = {
  healthVisiting: '8b1f3c52-6d0e-4a57-9a0e-2f8d6c1b4a01',
  foodBank: '8b1f3c52-6d0e-4a57-9a0e-2f8d6c1b4a02',
  talkingTherapies: '8b1f3c52-6d0e-4a57-9a0e-2f8d6c1b4a03',
  healthTrust: '3c9e2a10-77d4-4b0f-8f2e-5a6b7c8d9e01',
  acornTrust: '3c9e2a10-77d4-4b0f-8f2e-5a6b7c8d9e02'
}

export interface Answer {
  status?: number
  /** JSON, or text sent as it is (to serve something that is not JSON). */
  body: unknown
}

export interface FeedServer {
  /** http://127.0.0.1:<port> */
  base: string
  /** Path and query → answer; change it between imports. */
  routes: Map<string, Answer>
  /** Each request's path and query, in order. */
  requests: string[]
  close(): Promise<void>
}

export async function serveFeed(routes: Record<string, Answer> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes))
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/'
    requests.push(url)
    const answer = table.get(url)
    if (!answer) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}')
      return
    }
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
    res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' }).end(body)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The feed server has no port')
  return {
    base: `http://127.0.0.1:${address.port}`,
    routes: table,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      })
  }
}

/** A version 3 feed of the fixtures at /api/services (two pages) with the first service's details. */
export function v3Routes(): Record<string, Answer> {
  return {
    '/api/services': { body: feeds.v3Page1() },
    '/api/services?page=2': { body: feeds.v3Page2() },
    [`/api/services/${IDS.healthVisiting}`]: { body: feeds.v3HealthVisiting() }
  }
}
