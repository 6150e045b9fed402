import { contextBridge, ipcRenderer } from 'electron';
import { forwardHostApi } from '../../shared/ipc/forward';
import { HOST_GLOBAL } from '../../shared/ipc/methods';

// The page gets the host contract and nothing else: no ipcRenderer, no event emitters, no Node.
contextBridge.exposeInMainWorld(
  HOST_GLOBAL,
  forwardHostApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
