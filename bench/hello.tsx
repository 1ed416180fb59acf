// The floor for any Ink app: "Hello" rendered by Ink, bundled in
// production mode by devnews's build (scripts/build.mjs), so the benchmark
// can say how much of devnews's start-up is its own. Built --bare: Ink as
// published, without the modules devnews puts in place of some of Ink's
// (its remembering and lazily loading string-width and tokenizer), which
// are devnews's own work.
import {render, Text, useApp, useInput} from 'ink';

function Hello() {
	const {exit} = useApp();
	useInput(input => {
		if (input === 'q') exit();
	});
	return <Text>Hello from Ink</Text>;
}

render(<Hello />);
