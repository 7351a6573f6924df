export { encodeSyncStep2Frames, syncFrame } from './chunked-sync';
