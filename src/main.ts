import { mount } from 'svelte';
import WithLessons from './ui/lessons/WithLessons.svelte';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(WithLessons, { target });
