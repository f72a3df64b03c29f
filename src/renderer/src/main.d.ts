import './styles.scss';
