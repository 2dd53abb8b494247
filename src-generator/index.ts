/** Deterministic generator of realistic `intake-report/1` records for demos, tests and benchmarks. */
export {
  createReportGenerator,
  generateReports,
  type GeneratorAnnotation,
  type GeneratorStats,
  type ReportGenerator,
  type ReportGeneratorOptions,
} from './generator';
export { MESSY_FORMS, type MessyForm, type MessyTruth } from './messy';
