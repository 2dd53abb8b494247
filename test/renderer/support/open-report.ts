import type { AppStore } from '../../../src-renderer/state/app-state';
import { settle } from './fake-api';

/** The purpose tests open reports under (one of the default list). */
export const WORK_PURPOSE = 'Beoordelen van de melding';

/** Opens a report as an officer does: asked for a purpose, they confirm one; then the report loads. */
export async function openReportUnder(store: AppStore, reportId: string, purpose = WORK_PURPOSE): Promise<void> {
  store.getState().openReport(reportId);
  await settle();
  await store.getState().openReportFor(purpose);
  await settle();
}
