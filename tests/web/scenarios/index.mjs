// Every scenario, in the order they run. Each file is one readable spec.

import signin from './signin.mjs';
import stream from './stream.mjs';
import stop from './stopcontinue.mjs';
import edit from './editbranch.mjs';
import regenerate from './regenerate.mjs';
import retry from './retry.mjs';
import reload from './reload.mjs';
import offline from './offline.mjs';
import secondtab from './secondtab.mjs';
import markdown from './markdown.mjs';
import hostile from './hostile.mjs';
import layout from './layout.mjs';
import pairing from './pairing.mjs';
import modelprompt from './modelprompt.mjs';
import chatactions from './chatactions.mjs';
import keyboard from './keyboard.mjs';
import sharepairing from './sharepairing.mjs';
import sharepeople from './sharepeople.mjs';
import search from './searchjump.mjs';
import transfer from './transfer.mjs';
import attachments from './attachments.mjs';
import tools from './tools.mjs';

export const scenarios = [signin, stream, stop, edit, regenerate, retry, reload, offline, secondtab, markdown, hostile, layout, pairing,
    modelprompt, chatactions, keyboard, search, transfer, attachments, tools, sharepairing, sharepeople];
