export { QingsuyunApi } from './credentials/QingsuyunApi.credentials';
export { QingsuyunTrigger } from './nodes/Qingsuyun/QingsuyunTrigger.node';
