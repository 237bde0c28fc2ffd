import express from 'express';

/**
 * The HTTP baseline: a bare Express endpoint that parses the same JSON body the service gets
 * and answers a fixed JSON, so the benchmark shows what the service costs beyond HTTP itself.
 */
const FIXED = { id: 'fixed', causes: [], facts: [], timings: { totalMs: 0 } };

const app = express();
app.post('/api/v1/triage', express.json({ limit: '16mb' }), (_request, response) => {
  response.status(201).json(FIXED);
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
