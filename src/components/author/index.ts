// The author components MDX lessons may use, passed to every lesson's <Content components>.
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import KeyTakeaways from './KeyTakeaways.astro';
import SimEmbed from './SimEmbed.astro';
import Sim from './Sim.astro';
import Term from './Term.astro';
import Quiz from './Quiz.astro';
import Retrieval from './Retrieval.astro';

export { Callout, Figure, KeyTakeaways, Sim, SimEmbed, Term, Quiz, Retrieval };

/** Components available in every lesson without an import. */
export const authorComponents = { Callout, Figure, Sim, SimEmbed, Term, Retrieval };
