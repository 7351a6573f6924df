export { encodeSyncStep2Frames, framedSyncAnswer, syncFrame } from './chunked-sync';
