export { AgoraClassroomApi } from './credentials/AgoraClassroomApi.credentials';
export { AgoraClassroom } from './nodes/AgoraClassroom/AgoraClassroom.node';
export { AgoraClassroomTrigger } from './nodes/AgoraClassroom/AgoraClassroomTrigger.node';
export { EduWebhookTokenApi } from './credentials/EduWebhookTokenApi.credentials';
export { QingsuyunApi } from './credentials/QingsuyunApi.credentials';
export { QingsuyunTrigger } from './nodes/Qingsuyun/QingsuyunTrigger.node';
export { TeachbaseTrigger } from './nodes/Teachbase/TeachbaseTrigger.node';
export { GenseeTrigger } from './nodes/Gensee/GenseeTrigger.node';
