/**
 * What the editor suite expects of each node and credential, one row each: adding a node or a
 * credential to the package means adding a row here (and, for a node, a workflow to
 * fixtures/editor.nodes.workflows.json holding it at its defaults, plus a copy with one output
 * per event type for triggers).
 */

export interface NodeRow {
	/** The node's type name, without the package prefix. */
	type: string;
	/** The workflow in fixtures/editor.nodes.workflows.json holding the node at its defaults. */
	workflowId: string;
	/** The node's name on that canvas (its display name). */
	nodeName: string;
	/** File name of its panel screenshot (docs/screenshots/<screenshot>-n8n-<version>.png). */
	screenshot: string;
	/**
	 * The node panel: what to search, the entry it lists and that entry's description. n8n lists a
	 * trigger without "Trigger", and a trigger with an action node of the same name as one entry
	 * (the action node's name, the trigger's description).
	 */
	panelEntry: { search: string; name: string; description: RegExp };
	/** Entries the node panel lists under the entry: trigger entries, then action entries. */
	triggerEntries: readonly string[];
	actionEntries: readonly string[];
	/** An entry to add from the node panel, and the subtitle the added node then shows. */
	pick: { entry: string; subtitle: string };
	/** Labels the node's panel shows at its defaults. */
	panelLabels: readonly string[];
	/** The canvas subtitle at the defaults. */
	defaultSubtitle: string;
	/** Webhook triggers: their setup notice tells where the Production URL is and to publish. */
	setupNotice: boolean;
	/** Output labels of the copy with one output per event type (triggers), each shown whole. */
	outputLabels?: readonly string[];
}

export interface CredentialRow {
	/** The credential's type name. */
	type: string;
	/** Opened from this node's panel in this workflow (fixtures/editor.nodes.workflows.json). */
	workflowId: string;
	nodeName: string;
	/** An Authentication option to choose first, when the node needs no credential by default. */
	authentication?: string;
	/** Text the dialog shows before anything is typed. */
	dialogText: readonly RegExp[];
	/** Option labels of an options field, as the dialog lists them. */
	optionLabels?: { field: string; labels: readonly string[] };
	/**
	 * Values typed into the fields (by parameter name), which the credential test refuses; given
	 * the local servers when they point at one. Nothing outside 127.0.0.1 is contacted.
	 */
	failingValues:
		Readonly<Record<string, string>> | ((local: LocalServers) => Record<string, string>);
	/** The field holding the secret, whose value (when 16 characters or more) the dialog never shows. */
	secretField: string;
	/** The test's message: it names the cause in words. */
	failure: RegExp;
	screenshot: string;
}

/** Servers the editor suite starts on 127.0.0.1 for credential tests that need an answer. */
export interface LocalServers {
	/** A fake Gensee site (support/fakes/genseeServer) that knows the login GENSEE_LOGIN. */
	genseeUrl: string;
}

export const GENSEE_LOGIN = {
	loginName: 'editor@example.com',
	password: 'editor-right-password-2b9d',
};

export const NODE_ROWS: readonly NodeRow[] = [
	{
		type: 'qingsuyunTrigger',
		workflowId: 'edQingsuyun00001',
		nodeName: 'Qingsuyun Trigger',
		screenshot: 'qingsuyun-trigger-panel',
		panelEntry: {
			search: 'Qingsuyun',
			name: 'Qingsuyun',
			description: /^Starts the workflow when Qingsuyun .*exam/,
		},
		triggerEntries: [
			'On exam submitted',
			'On course completed',
			'On courseware item completed',
			'On check-in task completed',
		],
		actionEntries: [],
		pick: { entry: 'On exam submitted', subtitle: 'Exam Submitted' },
		panelLabels: ['Credential', 'Trigger On', 'Outputs', 'Options'],
		defaultSubtitle: 'All events',
		setupNotice: true,
		outputLabels: ['Exam', 'Course', 'Courseware', 'Check-In', 'Other'],
	},
	{
		type: 'teachbaseTrigger',
		workflowId: 'edTeachbase00001',
		nodeName: 'Teachbase Trigger',
		screenshot: 'teachbase-trigger-panel',
		panelEntry: {
			search: 'Teachbase',
			name: 'Teachbase',
			description:
				/^Create people in Teachbase, .*enrol people in sessions, and start workflows when Teachbase reports enrolments and progress/,
		},
		triggerEntries: [
			'On course enrolment or progress',
			'On section progress',
			'On quiz result',
			'On task result',
			'On SCORM progress',
			'On material progress',
		],
		actionEntries: ['Enrol a user in a course session'],
		pick: { entry: 'On course enrolment or progress', subtitle: 'Course Progress' },
		panelLabels: ['Authentication', 'Trigger On', 'Created or Updated', 'Outputs', 'Options'],
		defaultSubtitle: 'All types',
		setupNotice: true,
		outputLabels: ['Course', 'Section', 'Quiz', 'Task', 'SCORM', 'Material', 'Other'],
	},
	{
		type: 'genseeTrigger',
		workflowId: 'edGensee00000001',
		nodeName: 'Gensee Trigger',
		screenshot: 'gensee-trigger-panel',
		panelEntry: {
			search: 'Gensee',
			name: 'Gensee',
			description:
				/^Create and look up Gensee .*rooms and webcasts, .*attendance, Q&A and roll calls, and start workflows on webinar and class callbacks/,
		},
		triggerEntries: [
			'On attendance or live status',
			'On courseware viewing',
			'On question from the client',
			'On question from the web',
			'On roll call',
			'On end page opened',
			'On co-browse list request',
		],
		actionEntries: ['Get attendance'],
		pick: { entry: 'On question from the web', subtitle: 'Q&A From Web' },
		panelLabels: ['Authentication', 'Trigger On', 'Action Codes', 'Outputs', 'Options'],
		defaultSubtitle: 'All callbacks',
		setupNotice: true,
		outputLabels: [
			'Attendance',
			'Courseware',
			'Client Q&A',
			'Web Q&A',
			'Roll Call',
			'End Page',
			'Co-Browse',
			'Other',
		],
	},
	{
		type: 'teachbase',
		workflowId: 'edTeachbaseAct01',
		nodeName: 'Teachbase',
		screenshot: 'teachbase-panel',
		// One entry with the Teachbase Trigger, whose description covers both.
		panelEntry: {
			search: 'Teachbase',
			name: 'Teachbase',
			description:
				/^Create people in Teachbase, list courses and sessions, enrol people in sessions/,
		},
		triggerEntries: ['On course enrolment or progress', 'On quiz result'],
		actionEntries: [
			'Create a user',
			'Get many courses',
			'Enrol a user in a course session',
			'Get many course sessions',
		],
		pick: { entry: 'Get many courses', subtitle: 'Get many courses' },
		panelLabels: [
			'Credential',
			'Resource',
			'Operation',
			'Course Session',
			'Identify User By',
			'User ID',
		],
		defaultSubtitle: 'Enrol a user in a course session',
		setupNotice: false,
	},
	{
		type: 'gensee',
		workflowId: 'edGenseeAction01',
		nodeName: 'Gensee',
		screenshot: 'gensee-panel',
		// One entry with the Gensee Trigger, whose description covers both.
		panelEntry: {
			search: 'Gensee',
			name: 'Gensee',
			description: /^Create and look up Gensee .*rooms and webcasts, read Gensee's own record/,
		},
		triggerEntries: ['On attendance or live status', 'On question from the web'],
		actionEntries: [
			'Create a room',
			'Delete a room',
			'Get a room',
			'Create a webcast',
			'Get a webcast',
			'Get attendance',
			'Get questions and answers',
			'Get roll calls',
		],
		pick: { entry: 'Get roll calls', subtitle: 'Get roll calls' },
		panelLabels: [
			'Credential',
			'Resource',
			'Operation',
			'Room or Webcast ID',
			'From',
			'To',
			'Output',
		],
		defaultSubtitle: 'Get attendance',
		setupNotice: false,
	},
	{
		type: 'agoraClassroom',
		workflowId: 'edAgora000000001',
		nodeName: 'Agora Classroom',
		screenshot: 'agora-classroom-panel',
		// n8n lists the action node and its trigger as one entry, with the trigger's description.
		panelEntry: {
			search: 'Agora',
			name: 'Agora Classroom',
			description: /^Run Agora Flexible Classroom .*create, start and end them.*start workflows/,
		},
		triggerEntries: ['On class started or ended', 'On user joined or left', 'On chat message'],
		actionEntries: [
			'Create a classroom',
			'Start a class',
			'End a class',
			'Get class attendance',
			'Get quiz or poll events',
			'Kick a user',
		],
		pick: { entry: 'Start a class', subtitle: 'Start a class' },
		panelLabels: ['Credential', 'Resource', 'Operation', 'Classroom ID'],
		defaultSubtitle: 'Get a classroom',
		setupNotice: false,
	},
	{
		type: 'agoraClassroomTrigger',
		workflowId: 'edAgoraTrig00001',
		nodeName: 'Agora Classroom Trigger',
		screenshot: 'agora-classroom-trigger-panel',
		panelEntry: {
			search: 'Agora',
			name: 'Agora Classroom',
			description: /^Run Agora Flexible Classroom/,
		},
		triggerEntries: ['On class started or ended', 'On classroom gone'],
		actionEntries: ['Start a class'],
		pick: { entry: 'On class started or ended', subtitle: 'No classroom chosen yet' },
		panelLabels: ['Credential', 'Source', 'Classroom IDs', 'Watch', 'Trigger On', 'Outputs'],
		defaultSubtitle: 'No classroom chosen yet',
		setupNotice: false,
		outputLabels: [
			'Class',
			'Chat',
			'Users',
			'Recording',
			'Upload',
			'Drive',
			'Reward',
			'Widget',
			'Stage',
			'Hands',
			'Gone',
			'Other',
		],
	},
];

export const CREDENTIAL_ROWS: readonly CredentialRow[] = [
	{
		type: 'qingsuyunApi',
		workflowId: 'edQingsuyun00001',
		nodeName: 'Qingsuyun Trigger',
		dialogText: [/Secret Key/],
		failingValues: { secretKey: 'abc' },
		failure: /The secret key is too short \(3 characters\): copy the whole key/,
		secretField: 'secretKey',
		screenshot: 'qingsuyun-credential-test',
	},
	{
		type: 'eduWebhookTokenApi',
		workflowId: 'edTeachbase00001',
		nodeName: 'Teachbase Trigger',
		authentication: 'Token in URL',
		dialogText: [
			/Teachbase and Gensee Webhook Token/,
			/For the Teachbase Trigger and the Gensee Trigger/,
			/You make the token up yourself/,
		],
		failingValues: { token: 'short' },
		failure: /The token is too short \(5 characters\).*Nothing was contacted/,
		secretField: 'token',
		screenshot: 'webhook-token-credential-test',
	},
	{
		type: 'agoraClassroomApi',
		workflowId: 'edAgora000000001',
		nodeName: 'Agora Classroom',
		dialogText: [/App ID/, /App Certificate/, /Region/, /API Base URL/, /Not the same as/],
		optionLabels: {
			field: 'region',
			labels: ['Asia Pacific', 'Europe', 'Mainland China', 'North America'],
		},
		failingValues: { appId: 'not-an-app-id', appCertificate: '0123456789abcdef0123456789abcdef' },
		failure: /App ID must be the 32 hexadecimal characters/,
		secretField: 'appCertificate',
		screenshot: 'agora-credential-test',
	},
	{
		type: 'teachbaseApi',
		workflowId: 'edTeachbaseAct01',
		nodeName: 'Teachbase',
		dialogText: [
			/Client ID/,
			/Client Secret/,
			/Settings → API and integrations → Add application/,
			/Base URL/,
			/Not the same as "Allowed HTTP Request Domains"/,
		],
		// Port 1 on 127.0.0.1: nothing listens there, so the token request is refused at once.
		failingValues: {
			clientId: 'editor-client-id',
			clientSecret: 'editor-client-secret-5c2a91',
			baseUrl: 'http://127.0.0.1:1',
		},
		failure:
			/Could not reach Teachbase at http:\/\/127\.0\.0\.1:1: the connection was refused\. Check the base URL/,
		secretField: 'clientSecret',
		screenshot: 'teachbase-credential-test',
	},
	{
		type: 'genseeApi',
		workflowId: 'edGenseeAction01',
		nodeName: 'Gensee',
		dialogText: [/Site Address/, /Site Kind/, /Login Name/, /Send Password As/, /Site Time Zone/],
		optionLabels: { field: 'sec', labels: ['Plain', 'MD5 Hash'] },
		// The fake Gensee site answers code 200 (authentication failed) to a wrong password.
		failingValues: ({ genseeUrl }) => ({
			site: genseeUrl,
			loginName: GENSEE_LOGIN.loginName,
			password: 'editor-wrong-password-7e1f04',
		}),
		failure:
			/Gensee answered code 200 \(authentication failed\)\. Gensee did not accept the login name and password.*check the password mode \(the credential's Send Password As: Plain or MD5 Hash\)/,
		secretField: 'password',
		screenshot: 'gensee-credential-test',
	},
];
