import { apiFailureCodec } from '@/lib/api/api-failure-codec'
import { serveOffThreadJob } from '@/lib/workers/serve-off-thread-job'
import { metricColumnsJob } from './metric-columns'

// The worker that reads `/metrics` answers (see fetch-agent-metric-columns.ts).
serveOffThreadJob(metricColumnsJob, apiFailureCodec)
