// The floor for any Ink app: "Hello" rendered by Ink, bundled into one file
// in production mode exactly as devnews is (see bench/bundle.ts), so the
// benchmark can say how much of devnews's start-up is its own.
import {render, Text, useApp, useInput} from 'ink';

function Hello() {
	const {exit} = useApp();
	useInput(input => {
		if (input === 'q') exit();
	});
	return <Text>Hello from Ink</Text>;
}

render(<Hello />);
