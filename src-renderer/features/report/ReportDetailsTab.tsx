import { Stack } from '@mantine/core';
import type { ReportDetail } from '../../../shared/api/views';
import { AttachmentsSection } from './AttachmentsSection';
import { NarrativeSection } from './NarrativeSection';
import { PaymentsSection } from './PaymentsSection';
import { RansomwareSection } from './RansomwareSection';
import { readAttachments, readPayments, readRansomware, readRemoteAccess, readSuspect } from './record-readers';
import { RemoteAccessSection } from './RemoteAccessSection';
import { ReportIndicatorsSection } from './ReportIndicatorsSection';
import { ReporterSection } from './ReporterSection';
import { SuspectSection } from './SuspectSection';

/** What the victim reported: the story, the puzzle pieces, and the structured parts of the record. */
export function ReportDetailsTab({ report }: { report: ReportDetail }) {
  const ransomware = readRansomware(report.record);
  const remoteAccess = readRemoteAccess(report.record);
  return (
    <Stack gap="md">
      <NarrativeSection report={report} />
      <ReportIndicatorsSection indicators={report.indicators} />
      <PaymentsSection payments={readPayments(report.record)} />
      <SuspectSection lists={readSuspect(report.record)} />
      {ransomware && <RansomwareSection facts={ransomware} />}
      {remoteAccess && <RemoteAccessSection tool={remoteAccess.tool} id={remoteAccess.id} />}
      <AttachmentsSection attachments={readAttachments(report.record)} />
      <ReporterSection reporter={report.reporter} reportId={report.reportId} />
    </Stack>
  );
}
