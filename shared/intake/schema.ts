/**
 * The external intake contract `intake-report/1` (see ../shared/intake/CONTRACT.md in the steering repo).
 * Never change the shape here without the portal changing it first; unknown fields are allowed
 * (loose objects) because the contract says they must be preserved, not rejected.
 */
import { z } from 'zod';
import {
  CATEGORIES,
  CHANNELS,
  CONTACT_METHODS,
  INTAKE_SCHEMA_VERSION,
  KINDS,
  PAYMENT_METHODS,
  REMOTE_ACCESS_TOOLS,
  REPORT_ID_PATTERN,
  REPORT_STATUSES,
} from './vocabulary';

const timestamp = z.iso.datetime({ offset: true, error: 'must be an RFC 3339 timestamp such as 2026-03-02T08:14:09Z' });
const optionalText = z.string().optional();
const textList = z.array(z.string()).optional();
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "450.00"');

const addressSchema = z.looseObject({
  street: optionalText,
  houseNumber: optionalText,
  postalCode: optionalText,
  city: optionalText,
});

export const reporterSchema = z.looseObject({
  type: z.enum(['person', 'organisation']),
  name: z.string().min(1, 'must not be empty'),
  birthDate: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).optional(),
  email: optionalText,
  phone: optionalText,
  address: addressSchema.optional(),
  organisation: z.looseObject({ name: optionalText, kvkNumber: optionalText }).optional(),
});

export const incidentSchema = z.looseObject({
  summary: z.string().max(200, 'must be at most 200 characters'),
  narrative: z.string().max(20_000, 'must be at most 20,000 characters').optional(),
  firstContactAt: timestamp.optional(),
  lastContactAt: timestamp.optional(),
  contactMethod: z.enum(CONTACT_METHODS).optional(),
});

export const paymentSchema = z.looseObject({
  at: timestamp.optional(),
  amount: decimal.optional(),
  currency: z.string().regex(/^[A-Za-z0-9]{2,10}$/, 'must be an ISO 4217 code or a crypto ticker').optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  beneficiaryName: optionalText,
  beneficiaryAccount: optionalText,
  reference: optionalText,
});

export const suspectSchema = z.looseObject({
  names: textList,
  phoneNumbers: textList,
  emailAddresses: textList,
  websites: textList,
  bankAccounts: textList,
  cryptoAddresses: textList,
  socialMedia: textList,
  other: textList,
});

export const ransomwareSchema = z.looseObject({
  family: optionalText,
  encryptedExtension: optionalText,
  ransomNote: optionalText,
  demand: z.looseObject({ amount: decimal.optional(), currency: optionalText }).optional(),
  contact: optionalText,
});

export const remoteAccessSchema = z.looseObject({
  tool: z.enum(REMOTE_ACCESS_TOOLS),
  id: optionalText,
});

export const attachmentSchema = z.looseObject({
  fileName: optionalText,
  mediaType: optionalText,
  size: z.number().int().nonnegative().optional(),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters').optional(),
});

export const intakeRecordSchema = z
  .looseObject({
    schema: z.literal(INTAKE_SCHEMA_VERSION, { error: `must be "${INTAKE_SCHEMA_VERSION}"` }),
    reportId: z.string().regex(REPORT_ID_PATTERN, 'must look like IA-2026-0000123'),
    revision: z.number().int('must be a whole number').min(1, 'must be 1 or higher'),
    status: z.enum(REPORT_STATUSES),
    receivedAt: timestamp,
    channel: z.enum(CHANNELS),
    kind: z.enum(KINDS),
    category: z.enum(CATEGORIES),
    region: optionalText,
    reporter: reporterSchema.optional(),
    incident: incidentSchema.optional(),
    payments: z.array(paymentSchema).optional(),
    suspect: suspectSchema.optional(),
    ransomware: ransomwareSchema.optional(),
    remoteAccess: remoteAccessSchema.optional(),
    attachments: z.array(attachmentSchema).optional(),
  })
  .superRefine((record, ctx) => {
    if (record.status !== 'filed') return;
    if (!record.reporter) ctx.addIssue({ code: 'custom', path: ['reporter'], message: 'is required for a filed report' });
    if (!record.incident) ctx.addIssue({ code: 'custom', path: ['incident'], message: 'is required for a filed report' });
  });

export type IntakeRecord = z.infer<typeof intakeRecordSchema>;
export type Reporter = z.infer<typeof reporterSchema>;
export type Payment = z.infer<typeof paymentSchema>;
