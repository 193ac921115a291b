/**
 * Friendly names for the contract's schemas. Everything here is generated from
 * `openapi.yaml` (run `npm run api:generate` after editing it); never hand-write a shape.
 */
import type { components, paths } from './generated/openapi-types'

export type { components, paths }
export type Schemas = components['schemas']
export type SchemaName = keyof Schemas

export type Problem = Schemas['Problem']
export type Me = Schemas['Me']
export type Role = Schemas['Role']
export type User = Schemas['User']
export type AuditAction = Schemas['AuditAction']
export type AuditEntry = Schemas['AuditEntry']
export type Environment = Schemas['Environment']
export type EnvironmentList = Schemas['EnvironmentList']
export type AgentStatus = Schemas['AgentStatus']
export type AgentInfo = Schemas['AgentInfo']
export type AgentList = Schemas['AgentList']
export type AgentEvent = Schemas['AgentEvent']
export type AgentEventType = Schemas['AgentEventType']
export type AgentEventPage = Schemas['AgentEventPage']
export type ExecutionStatus = Schemas['ExecutionStatus']
export type ExecutionSummary = Schemas['ExecutionSummary']
export type ExecutionPage = Schemas['ExecutionPage']
export type ExecutionDetail = Schemas['ExecutionDetail']
export type ProcessorExecution = Schemas['ProcessorExecution']
export type ProcessorSnapshot = Schemas['ProcessorSnapshot']
export type RouteDiagram = Schemas['RouteDiagram']
export type DiagramNode = Schemas['DiagramNode']
export type DiagramEdge = Schemas['DiagramEdge']
export type RouteStats = Schemas['RouteStats']
export type ProcessorStats = Schemas['ProcessorStats']
export type TimeseriesPoint = Schemas['TimeseriesPoint']
export type UsageTotals = Schemas['UsageTotals']
export type UsagePoint = Schemas['UsagePoint']
export type UsageResponse = Schemas['UsageResponse']
export type LogLevel = Schemas['LogLevel']
export type LogEntry = Schemas['LogEntry']
export type LogPage = Schemas['LogPage']
export type LogLevelCounts = Schemas['LogLevelCounts']
export type LogStats = Schemas['LogStats']
