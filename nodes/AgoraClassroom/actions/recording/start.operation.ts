import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { collectionParameter } from '../../../shared/actions/parameters';
import { agoraApiRequest, dataRecord } from '../../transport/request';
import { requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [
	roomUuidProperty,
	{
		displayName: 'Recording Mode',
		name: 'mode',
		type: 'options',
		options: [
			{
				name: 'Composite',
				value: 'composite',
				description: 'Mix the audio and video streams of the classroom into one file',
			},
			{
				name: 'Web Page',
				value: 'web',
				description:
					'Record the classroom as a web page, as students see it (whiteboard included); can be paused',
			},
		],
		default: 'composite',
	},
	{
		displayName: 'Page URL',
		name: 'rootUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://classroom.example.com/recording',
		description: "The address of the page to record; Agora adds the classroom's parameters to it",
		displayOptions: { show: { mode: ['web'] } },
	},
	{
		displayName: 'Options',
		name: 'recordingOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Bitrate (Kbps)',
				name: 'bitrate',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1500,
			},
			{
				displayName: 'Frame Rate',
				name: 'fps',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 30 },
				default: 15,
			},
			{
				displayName: 'Max Idle Time (Seconds)',
				name: 'maxIdleTime',
				type: 'number',
				typeOptions: { minValue: 5 },
				default: 30,
				description: 'Stop recording after this long without anyone sending audio or video',
				displayOptions: { show: { '/mode': ['composite'] } },
			},
			{
				displayName: 'Max Recording Hours',
				name: 'maxRecordingHour',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 720 },
				default: 2,
				description: 'Stop the web page recording after this many hours',
				displayOptions: { show: { '/mode': ['web'] } },
			},
			{
				displayName: 'Start Paused',
				name: 'onhold',
				type: 'boolean',
				default: false,
				description: 'Whether the web page recording starts paused, to be resumed later',
				displayOptions: { show: { '/mode': ['web'] } },
			},
			{
				displayName: 'Streams',
				name: 'streamTypes',
				type: 'options',
				options: [
					{ name: 'Audio and Video', value: 2 },
					{ name: 'Audio Only', value: 0 },
					{ name: 'Video Only', value: 1 },
				],
				default: 2,
				displayOptions: { show: { '/mode': ['composite'] } },
			},
			{
				displayName: 'Video Height',
				name: 'height',
				type: 'number',
				typeOptions: { minValue: 16 },
				default: 720,
			},
			{
				displayName: 'Video Width',
				name: 'width',
				type: 'number',
				typeOptions: { minValue: 16 },
				default: 1280,
			},
		],
	},
];

export const description = operationProperties('recording', 'start', properties);

function numberOption(options: IDataObject, name: string): number | undefined {
	return typeof options[name] === 'number' ? options[name] : undefined;
}

function definedOnly(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const mode =
		this.getNodeParameter('mode', itemIndex, 'composite') === 'web' ? 'web' : 'composite';
	const options = collectionParameter(this, 'recordingOptions', itemIndex);
	const video = definedOnly({
		width: numberOption(options, 'width'),
		height: numberOption(options, 'height'),
		fps: numberOption(options, 'fps'),
		bitrate: numberOption(options, 'bitrate'),
	});

	let body: IDataObject;
	if (mode === 'web') {
		body = {
			mode: 'web',
			webRecordConfig: definedOnly({
				rootUrl: requiredText(this, 'rootUrl', itemIndex, 'Page URL'),
				videoWidth: video.width,
				videoHeight: video.height,
				videoFps: video.fps,
				videoBitrate: video.bitrate,
				maxRecordingHour: numberOption(options, 'maxRecordingHour'),
				onhold: options.onhold === true,
			}),
		};
	} else {
		const recordingConfig: IDataObject = definedOnly({
			maxIdleTime: numberOption(options, 'maxIdleTime'),
			streamTypes: numberOption(options, 'streamTypes'),
		});
		if (Object.keys(video).length > 0) recordingConfig.transcodingConfig = video;
		body = Object.keys(recordingConfig).length > 0 ? { recordingConfig } : {};
	}

	const data = dataRecord(
		await agoraApiRequest.call(this, 'PUT', ['rooms', roomUuid, 'records', 'states', '1'], body),
	);
	return { success: true, roomUuid, recording: 'started', mode, ...data };
}
