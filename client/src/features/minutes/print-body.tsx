import type { RichBlock, RichInline, RichList } from '@chungtay/model';
import { For, type JSX, Match, Switch } from 'solid-js';
import { Dynamic } from 'solid-js/web';

/**
 * An agenda item's body on paper, from the model's block projection: paragraphs, headings, bulleted and
 * numbered lists, bold, italic and underline. Built as elements, never as HTML text, so nothing a writer
 * typed can become markup.
 */
export function PrintBody(props: { blocks: readonly RichBlock[] }): JSX.Element {
  return (
    <div class="print-body">
      <For each={props.blocks}>{(block) => <PrintBlock block={block} />}</For>
    </div>
  );
}

function PrintBlock(props: { block: RichBlock }): JSX.Element {
  return (
    <Switch>
      <Match when={props.block.type === 'paragraph' && props.block}>
        {(paragraph) => (
          <p class="print-para">
            <Inlines content={paragraph().content} />
          </p>
        )}
      </Match>
      <Match when={props.block.type === 'heading' && props.block}>
        {(heading) => (
          // The item's title is an h3; the body's headings sit below it.
          <Dynamic component={`h${Math.min(6, heading().level + 2)}`} class="print-body-heading">
            <Inlines content={heading().content} />
          </Dynamic>
        )}
      </Match>
      <Match when={props.block.type === 'list' && props.block}>{(list) => <PrintList list={list()} />}</Match>
    </Switch>
  );
}

function PrintList(props: { list: RichList }): JSX.Element {
  const items = (
    <For each={props.list.items}>
      {(item) => (
        <li>
          <For each={item.blocks}>{(block) => <PrintBlock block={block} />}</For>
        </li>
      )}
    </For>
  );
  return props.list.ordered ? (
    <ol class="print-list" start={props.list.start}>
      {items}
    </ol>
  ) : (
    <ul class="print-list">{items}</ul>
  );
}

function Inlines(props: { content: readonly RichInline[] }): JSX.Element {
  return (
    <For each={props.content}>
      {(inline) => {
        // A run is never updated in place: a changed body is a new projection, so <For> makes new rows.
        if (inline.type === 'break') return <br />;
        let out: JSX.Element = inline.text;
        if (inline.underline) out = <u>{out}</u>;
        if (inline.italic) out = <em>{out}</em>;
        if (inline.bold) out = <strong>{out}</strong>;
        return out;
      }}
    </For>
  );
}
