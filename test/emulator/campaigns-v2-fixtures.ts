// Outbound campaigns v2 (connectcampaignsv2) inputs, one per channel subtype, with every member
// CreateCampaign takes, so a test can check a round trip (backup, restore) on all of them.
import type { CreateCampaignCommandInput } from '@aws-sdk/client-connectcampaignsv2';
import { REGION } from './emulator';

export type V2ChannelSubtype = 'telephony' | 'sms' | 'email' | 'whatsApp';
export const V2_CHANNEL_SUBTYPES: readonly V2ChannelSubtype[] = ['telephony', 'sms', 'email', 'whatsApp'];

const ACCOUNT = '123456789012';
const arn = (service: string, resource: string): string => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

function channelConfig(subtype: V2ChannelSubtype): NonNullable<CreateCampaignCommandInput['channelSubtypeConfig']> {
  const template = arn('wisdom', 'message-template/0f2b4c6d/1a3b5c7d');
  const phoneNumber = arn('connect', 'phone-number/5e6f7a8b');
  switch (subtype) {
    case 'telephony':
      return {
        telephony: {
          capacity: 0.5,
          connectQueueId: 'queue-1',
          outboundMode: { predictive: { bandwidthAllocation: 0.8 } },
          defaultOutboundConfig: {
            connectContactFlowId: 'flow-1',
            connectSourcePhoneNumber: '+15550100',
            answerMachineDetectionConfig: { enableAnswerMachineDetection: true, awaitAnswerMachinePrompt: false },
            ringTimeout: 30,
          },
        },
      };
    case 'sms':
      return { sms: { capacity: 1, outboundMode: { agentless: {} }, defaultOutboundConfig: { connectSourcePhoneNumberArn: phoneNumber, wisdomTemplateArn: template } } };
    case 'email':
      return {
        email: {
          outboundMode: { agentless: {} },
          defaultOutboundConfig: { connectSourceEmailAddress: 'news@example.com', sourceEmailAddressDisplayName: 'News', wisdomTemplateArn: template },
        },
      };
    case 'whatsApp':
      return { whatsApp: { outboundMode: { agentless: {} }, defaultOutboundConfig: { connectSourcePhoneNumberArn: phoneNumber, wisdomTemplateArn: template } } };
  }
}

/**
 * A CreateCampaign input for one channel subtype. `source` alternates between a Customer
 * Profiles segment (telephony, email) and an event trigger (sms, whatsApp), so both kinds occur.
 */
export function v2CampaignInput(subtype: V2ChannelSubtype, connectInstanceId: string, name: string): CreateCampaignCommandInput {
  const segmentSource = subtype === 'telephony' || subtype === 'email';
  const window = { openHours: { dailyHours: { MONDAY: [{ startTime: 'T09:00', endTime: 'T17:00' }] } } };
  return {
    name,
    connectInstanceId,
    channelSubtypeConfig: channelConfig(subtype),
    source: segmentSource
      ? { customerProfilesSegmentArn: arn('profile', 'domains/demo/segment-definitions/vip') }
      : { eventTrigger: { customerProfilesDomainArn: arn('profile', 'domains/demo') } },
    type: 'MANAGED',
    connectCampaignFlowArn: arn('connect', `instance/${connectInstanceId}/contact-flow/campaign-flow`),
    entryLimitsConfig: { maxEntryCount: 3, minEntryInterval: 'P1D' },
    schedule: { startTime: new Date('2030-01-01T00:00:00Z'), endTime: new Date('2030-02-01T00:00:00Z'), refreshFrequency: 'P1D' },
    communicationTimeConfig: {
      localTimeZoneConfig: { defaultTimeZone: 'America/New_York', localTimeZoneDetection: ['ZIP_CODE', 'AREA_CODE'] },
      [subtype]: {
        ...window,
        restrictedPeriods: { restrictedPeriodList: [{ name: 'holiday', startDate: '2030-01-01', endDate: '2030-01-02' }] },
      },
    },
    communicationLimitsOverride: {
      allChannelSubtypes: { communicationLimitsList: [{ maxCountPerRecipient: 2, frequency: 7, unit: 'DAY' }] },
      instanceLimitsHandling: 'OPT_IN',
    },
    tags: { owner: arn('connect', `instance/${connectInstanceId}`), team: 'outbound' },
  };
}
